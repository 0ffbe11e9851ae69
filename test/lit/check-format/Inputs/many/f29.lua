local t29 = task("t29"):depends_on("t29_missing"):command("true"):build()
workflow.define("w29"):tasks({ t29 })
x29 = = 1
