local t36 = task("t36"):depends_on("t36_missing"):command("true"):build()
workflow.define("w36"):tasks({ t36 })
x36 = = 1
