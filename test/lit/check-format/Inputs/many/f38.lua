local t38 = task("t38"):depends_on("t38_missing"):command("true"):build()
workflow.define("w38"):tasks({ t38 })
x38 = = 1
