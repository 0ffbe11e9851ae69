---@meta gcp
---Google Cloud resources through the `gcloud` CLI found on PATH; project and credentials come from the
---gcloud config (`gcloud auth login`, `CLOUDSDK_CORE_PROJECT`, `GOOGLE_APPLICATION_CREDENTIALS`). Without
---the CLI every call raises `gcp.<function>: gcloud not found on PATH`.
gcp = {}

---@class (exact) gcp.InstanceOptions
---@field name string  Instance name.
---@field zone string  Zone, e.g. `"us-central1-a"`.
---@field machine_type? string  Machine type, e.g. `"e2-medium"`.
---@field image_project? string  Project of the boot image, e.g. `"ubuntu-os-cloud"`.
---@field image_family? string  Image family, e.g. `"ubuntu-2204-lts"`.
---@field tags? string[]  Network tags, e.g. `{"http-server"}`.

---@class (exact) gcp.BucketOptions
---@field location? string  Location, e.g. `"US"` or `"europe-west1"`.
---@field storage_class? "STANDARD"|"NEARLINE"|"COLDLINE"|"ARCHIVE"  Default storage class.

---@class (exact) gcp.Result
---@field changed boolean  Whether the resource was created.
---@field name string  The resource name.

---Creates a Compute Engine instance; an existing instance of that name in the zone is left alone.
---@param options gcp.InstanceOptions
---@return gcp.Result
---@effect write
---@plan "create GCE instance {options}"
function gcp.compute_instance_create(options) end

---Creates a Cloud Storage bucket; an existing bucket of yours with that name is left alone.
---@param name string  Bucket name (globally unique).
---@param options? gcp.BucketOptions
---@return gcp.Result
---@effect write
---@plan "create GCS bucket {name}"
function gcp.storage_bucket_create(name, options) end
