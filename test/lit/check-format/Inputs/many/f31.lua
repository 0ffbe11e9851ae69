local t31 = task("t31"):depends_on("t31_missing"):command("true"):build()
workflow.define("w31"):tasks({ t31 })
x31 = = 1
