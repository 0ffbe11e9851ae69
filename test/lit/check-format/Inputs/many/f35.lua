local t35 = task("t35"):depends_on("t35_missing"):command("true"):build()
workflow.define("w35"):tasks({ t35 })
x35 = = 1
