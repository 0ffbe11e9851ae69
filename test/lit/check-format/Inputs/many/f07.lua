local t07 = task("t07"):depends_on("t07_missing"):command("true"):build()
workflow.define("w07"):tasks({ t07 })
x07 = = 1
