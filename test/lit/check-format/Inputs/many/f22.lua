local t22 = task("t22"):depends_on("t22_missing"):command("true"):build()
workflow.define("w22"):tasks({ t22 })
x22 = = 1
