---@meta aws
---Amazon Web Services (EC2, S3, RDS) through the `aws` CLI found on PATH. Credentials and the default
---region come from the usual AWS chain (`AWS_PROFILE`, `AWS_ACCESS_KEY_ID`..., `~/.aws/config`, an
---instance role). Without the CLI every call raises `aws.<function>: aws not found on PATH`; an API
---error raises with AWS's error code and message.
aws = {}

---@class (exact) aws.Ec2InstanceOptions
---@field image_id string  AMI id, e.g. `"ami-0c55b159cbfafe1f0"`.
---@field instance_type string  Instance type, e.g. `"t3.medium"`.
---@field key_name? string  Name of the EC2 key pair for SSH.
---@field security_groups? string[]  Security group names or ids.
---@field subnet_id? string  Subnet to launch into.
---@field tags? table<string, string>  Tags; `Name` also identifies the instance on later runs.
---@field user_data? string  cloud-init / shell script run at first boot.

---@class (exact) aws.Ec2Instance
---@field changed boolean  Whether an instance was launched.
---@field instance_id string  The instance id, e.g. `"i-0abc..."`.
---@field state string  The instance state, e.g. `"pending"` or `"running"`.
---@field private_ip? string  Private IPv4 address, once assigned.
---@field public_ip? string  Public IPv4 address, if any.

---@class (exact) aws.BucketOptions
---@field region? string  Region of the bucket; the configured default when omitted.
---@field acl? "private"|"public-read"|"public-read-write"|"authenticated-read"  Canned ACL (default `"private"`).
---@field versioning? boolean  Turn object versioning on.
---@field encryption? "AES256"|"aws:kms"  Default server-side encryption.

---@class (exact) aws.BucketResult
---@field changed boolean  Whether the bucket was created or its settings changed.
---@field name string  The bucket name.

---@class (exact) aws.UploadResult
---@field changed boolean  Whether the object was uploaded (false when an identical object was already there).
---@field bucket string  The bucket.
---@field key string  The object key.

---@class (exact) aws.RdsInstanceOptions
---@secret
---@field master_password string  Password of the master user.
---@field identifier string  DB instance identifier, e.g. `"myapp-db"`.
---@field engine string  Engine, e.g. `"postgres"` or `"mysql"`.
---@field engine_version? string  Engine version, e.g. `"14.7"`.
---@field instance_class string  Instance class, e.g. `"db.t3.medium"`.
---@field allocated_storage integer  Storage in GiB.
---@field master_username string  Name of the master user.
---@field vpc_security_groups? string[]  VPC security group ids.

---@class (exact) aws.RdsInstance
---@field changed boolean  Whether the instance was created.
---@field identifier string  The DB instance identifier.
---@field status string  The instance status, e.g. `"creating"` or `"available"`.
---@field endpoint? string  `host:port` to connect to, once available.

---Launches an EC2 instance; one already running or pending with the same `Name` tag is left alone.
---@param options aws.Ec2InstanceOptions
---@return aws.Ec2Instance
---@effect write
---@plan "create EC2 instance {options}"
function aws.ec2_instance_create(options) end

---Creates an S3 bucket, or brings an existing one of yours in line with the options.
---@param name string  Bucket name (globally unique).
---@param options? aws.BucketOptions
---@return aws.BucketResult
---@effect write
---@plan "create S3 bucket {name}"
function aws.s3_bucket_create(name, options) end

---Uploads a local file to S3; an object with the same content (MD5/ETag) is left alone.
---@param file string  The local file.
---@param bucket string  The bucket.
---@param key string  The object key, e.g. `"db/2024/backup.sql.gz"`.
---@return aws.UploadResult
---@effect write
---@plan "upload {file} to s3://{bucket}/{key}"
function aws.s3_upload(file, bucket, key) end

---Creates an RDS database instance; an existing instance with that identifier is left alone.
---@param options aws.RdsInstanceOptions
---@return aws.RdsInstance
---@effect write
---@plan "create RDS instance {options}"
function aws.rds_instance_create(options) end
