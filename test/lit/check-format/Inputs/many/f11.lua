local t11 = task("t11"):depends_on("t11_missing"):command("true"):build()
workflow.define("w11"):tasks({ t11 })
x11 = = 1
