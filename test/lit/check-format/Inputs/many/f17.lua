local t17 = task("t17"):depends_on("t17_missing"):command("true"):build()
workflow.define("w17"):tasks({ t17 })
x17 = = 1
