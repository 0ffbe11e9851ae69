local t26 = task("t26"):depends_on("t26_missing"):command("true"):build()
workflow.define("w26"):tasks({ t26 })
x26 = = 1
