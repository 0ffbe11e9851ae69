---@meta digitalocean
---DigitalOcean resources through the `doctl` CLI found on PATH, authenticated by `DIGITALOCEAN_ACCESS_TOKEN`
---or `doctl auth init`. Without the CLI every call raises `digitalocean.<function>: doctl not found on PATH`.
digitalocean = {}

---@class (exact) digitalocean.DropletOptions
---@field name string  Droplet name; also how an existing droplet is recognised.
---@field region string  Region slug, e.g. `"nyc3"`.
---@field size string  Size slug, e.g. `"s-2vcpu-4gb"`.
---@field image string  Image slug or id, e.g. `"ubuntu-22-04-x64"`.
---@field ssh_keys? (integer|string)[]  SSH key ids or fingerprints, e.g. `{123456}`.
---@field backups? boolean  Turn on weekly backups.
---@field monitoring? boolean  Install the monitoring agent.

---@class (exact) digitalocean.ForwardingRule
---@field entry_protocol "http"|"https"|"http2"|"http3"|"tcp"|"udp"  Protocol clients use.
---@field entry_port integer  Port clients connect to.
---@field target_protocol "http"|"https"|"http2"|"tcp"|"udp"  Protocol to the droplets.
---@field target_port integer  Port on the droplets.
---@field tls_passthrough? boolean  Pass TLS through to the droplets instead of terminating it.
---@field certificate_id? string  Certificate for TLS termination (https entry without passthrough).

---@class (exact) digitalocean.LoadBalancerOptions
---@field name string  Load balancer name; also how an existing one is recognised.
---@field region string  Region slug.
---@field forwarding_rules digitalocean.ForwardingRule[]  At least one rule.
---@field droplet_ids? integer[]  Droplets to balance across.

---@class (exact) digitalocean.Droplet
---@field changed boolean  Whether the droplet was created.
---@field id integer  The droplet id.
---@field name string  The droplet name.
---@field ipv4? string  Public IPv4 address, once assigned.

---@class (exact) digitalocean.LoadBalancer
---@field changed boolean  Whether the load balancer was created or its rules or droplets changed.
---@field id string  The load balancer id.
---@field name string  The load balancer name.
---@field ip? string  Public IP address, once assigned.

---Creates a droplet; an existing droplet of that name is left alone.
---@param options digitalocean.DropletOptions
---@return digitalocean.Droplet
---@effect write
---@plan "create droplet {options}"
function digitalocean.droplet_create(options) end

---Creates a load balancer, or updates the rules and droplets of an existing one of that name.
---@param options digitalocean.LoadBalancerOptions
---@return digitalocean.LoadBalancer
---@effect write
---@plan "create load balancer {options}"
function digitalocean.loadbalancer_create(options) end
