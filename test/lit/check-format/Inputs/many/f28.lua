local t28 = task("t28"):depends_on("t28_missing"):command("true"):build()
workflow.define("w28"):tasks({ t28 })
x28 = = 1
