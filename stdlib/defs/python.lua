---@meta python
---Python code and packages, with `python3` found on PATH (or a virtualenv's `bin/python`). Without it
---every call raises `python.<function>: python3 not found on PATH`. Like `exec`, a script that exits
---non-zero does not raise: check the result's `exit_code` or `success`.
python = {}

---@class (exact) python.RunFileOptions
---@field args? string[]  Arguments passed to the script (`sys.argv[1:]`).
---@field venv? string  Virtualenv directory whose interpreter runs the script.

---@class (exact) python.PipOptions
---@field venv? string  Virtualenv directory to install into (created if missing); python3's own environment when omitted.

---@class (exact) python.PipResult
---@field changed boolean  Whether any package was installed.
---@field packages string[]  The packages that were installed.

---Runs Python source code with `python3` and returns its exit code and output.
---@param code string  The program text.
---@return exec.Result
---@effect exec
---@plan "run Python code {code}"
function python.run(code) end

---Runs a Python script file and returns its exit code and output.
---@param path string  The script.
---@param options? python.RunFileOptions
---@return exec.Result
---@effect exec
---@plan "run Python script {path}"
function python.run_file(path, options) end

---Installs packages with pip; packages already installed are left alone.
---@param packages string|string[]  A requirement (`"requests"`, `"boto3>=1.28"`) or a list of them.
---@param options? python.PipOptions
---@return python.PipResult
---@effect write
---@plan "pip install {packages}"
function python.pip_install(packages, options) end
