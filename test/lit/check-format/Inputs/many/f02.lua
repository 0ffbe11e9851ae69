local t02 = task("t02"):depends_on("t02_missing"):command("true"):build()
workflow.define("w02"):tasks({ t02 })
x02 = = 1
