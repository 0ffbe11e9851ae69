local t24 = task("t24"):depends_on("t24_missing"):command("true"):build()
workflow.define("w24"):tasks({ t24 })
x24 = = 1
