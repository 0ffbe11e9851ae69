local t09 = task("t09"):depends_on("t09_missing"):command("true"):build()
workflow.define("w09"):tasks({ t09 })
x09 = = 1
