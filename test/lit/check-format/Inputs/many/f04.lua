local t04 = task("t04"):depends_on("t04_missing"):command("true"):build()
workflow.define("w04"):tasks({ t04 })
x04 = = 1
