local t33 = task("t33"):depends_on("t33_missing"):command("true"):build()
workflow.define("w33"):tasks({ t33 })
x33 = = 1
