local t06 = task("t06"):depends_on("t06_missing"):command("true"):build()
workflow.define("w06"):tasks({ t06 })
x06 = = 1
