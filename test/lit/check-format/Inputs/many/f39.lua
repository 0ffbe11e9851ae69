local t39 = task("t39"):depends_on("t39_missing"):command("true"):build()
workflow.define("w39"):tasks({ t39 })
x39 = = 1
