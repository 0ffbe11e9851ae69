local t19 = task("t19"):depends_on("t19_missing"):command("true"):build()
workflow.define("w19"):tasks({ t19 })
x19 = = 1
