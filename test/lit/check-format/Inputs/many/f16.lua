local t16 = task("t16"):depends_on("t16_missing"):command("true"):build()
workflow.define("w16"):tasks({ t16 })
x16 = = 1
