local t03 = task("t03"):depends_on("t03_missing"):command("true"):build()
workflow.define("w03"):tasks({ t03 })
x03 = = 1
