local t25 = task("t25"):depends_on("t25_missing"):command("true"):build()
workflow.define("w25"):tasks({ t25 })
x25 = = 1
