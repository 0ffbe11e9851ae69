local t23 = task("t23"):depends_on("t23_missing"):command("true"):build()
workflow.define("w23"):tasks({ t23 })
x23 = = 1
