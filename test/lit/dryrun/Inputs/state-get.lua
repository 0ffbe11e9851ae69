print("value:", state.get("deploy.version"))
