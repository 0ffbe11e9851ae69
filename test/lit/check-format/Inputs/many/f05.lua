local t05 = task("t05"):depends_on("t05_missing"):command("true"):build()
workflow.define("w05"):tasks({ t05 })
x05 = = 1
