local t20 = task("t20"):depends_on("t20_missing"):command("true"):build()
workflow.define("w20"):tasks({ t20 })
x20 = = 1
