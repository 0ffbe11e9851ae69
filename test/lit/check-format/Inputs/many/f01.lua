local t01 = task("t01"):depends_on("t01_missing"):command("true"):build()
workflow.define("w01"):tasks({ t01 })
x01 = = 1
