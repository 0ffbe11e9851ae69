local t12 = task("t12"):depends_on("t12_missing"):command("true"):build()
workflow.define("w12"):tasks({ t12 })
x12 = = 1
