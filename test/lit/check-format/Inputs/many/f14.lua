local t14 = task("t14"):depends_on("t14_missing"):command("true"):build()
workflow.define("w14"):tasks({ t14 })
x14 = = 1
