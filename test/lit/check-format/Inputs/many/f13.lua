local t13 = task("t13"):depends_on("t13_missing"):command("true"):build()
workflow.define("w13"):tasks({ t13 })
x13 = = 1
