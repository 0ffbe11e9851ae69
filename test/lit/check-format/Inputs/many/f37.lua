local t37 = task("t37"):depends_on("t37_missing"):command("true"):build()
workflow.define("w37"):tasks({ t37 })
x37 = = 1
