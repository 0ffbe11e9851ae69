local t08 = task("t08"):depends_on("t08_missing"):command("true"):build()
workflow.define("w08"):tasks({ t08 })
x08 = = 1
