local t34 = task("t34"):depends_on("t34_missing"):command("true"):build()
workflow.define("w34"):tasks({ t34 })
x34 = = 1
