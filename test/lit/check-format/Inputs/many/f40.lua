local t40 = task("t40"):depends_on("t40_missing"):command("true"):build()
workflow.define("w40"):tasks({ t40 })
x40 = = 1
