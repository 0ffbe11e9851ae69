local t15 = task("t15"):depends_on("t15_missing"):command("true"):build()
workflow.define("w15"):tasks({ t15 })
x15 = = 1
