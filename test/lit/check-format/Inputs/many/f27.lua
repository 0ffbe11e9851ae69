local t27 = task("t27"):depends_on("t27_missing"):command("true"):build()
workflow.define("w27"):tasks({ t27 })
x27 = = 1
