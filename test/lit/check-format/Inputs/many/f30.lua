local t30 = task("t30"):depends_on("t30_missing"):command("true"):build()
workflow.define("w30"):tasks({ t30 })
x30 = = 1
