local t32 = task("t32"):depends_on("t32_missing"):command("true"):build()
workflow.define("w32"):tasks({ t32 })
x32 = = 1
