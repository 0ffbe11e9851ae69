local t18 = task("t18"):depends_on("t18_missing"):command("true"):build()
workflow.define("w18"):tasks({ t18 })
x18 = = 1
