local t21 = task("t21"):depends_on("t21_missing"):command("true"):build()
workflow.define("w21"):tasks({ t21 })
x21 = = 1
