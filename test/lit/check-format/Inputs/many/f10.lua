local t10 = task("t10"):depends_on("t10_missing"):command("true"):build()
workflow.define("w10"):tasks({ t10 })
x10 = = 1
