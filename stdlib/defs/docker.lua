---@meta docker
---Docker containers, images and networks, driven through the `docker` CLI found on PATH (`DOCKER_HOST`
---and the current docker context are respected; compose uses the `docker compose` plugin). Without the
---CLI every call raises `docker.<function>: docker not found on PATH`; an unreachable daemon raises with
---docker's own message.
docker = {}

---@class (exact) docker.Auth
---@secret
---@field password string  Registry password or access token.
---@field username string  Registry user name.

---@class (exact) docker.RunOptions
---@field name? string  Container name; also how an existing container is recognised on later runs.
---@field ports? string[]  Published ports, `"HOST:CONTAINER"` (optionally `/udp`).
---@field volumes? string[]  Mounts, `"SOURCE:TARGET[:ro]"`; a SOURCE without `/` is a named volume.
---@field env? table<string, string>  Environment variables of the container.
---@field restart? "no"|"always"|"unless-stopped"|"on-failure"  Restart policy.
---@field detach? boolean  Return once the container started (default true); false waits for it to exit.
---@field network? string  Network to attach the container to.
---@field depends_on? string[]  Containers that must already be running; raises if one is not.

---@class (exact) docker.RemoveOptions
---@field force? boolean  Remove a running container (kills it first).
---@field volumes? boolean  Also remove the container's anonymous volumes.

---@class (exact) docker.PullOptions
---@secret
---@field auth? docker.Auth  Registry credentials; the docker config's credentials when omitted.

---@class (exact) docker.BuildOptions
---@field tag? string  Name and tag of the image, e.g. `"myapp:latest"`.
---@field dockerfile? string  Dockerfile path relative to the context (default `Dockerfile`).
---@field build_args? table<string, string>  Build-time variables (`--build-arg`).

---@class (exact) docker.NetworkOptions
---@field driver? string  Network driver, e.g. `"bridge"` (default) or `"overlay"`.
---@field subnet? string  Subnet in CIDR form, e.g. `"172.20.0.0/16"`.

---@class (exact) docker.ComposeOptions
---@field project_name? string  Compose project name; the file's directory name when omitted.
---@field detach? boolean  Return once the services started (default true).
---@field build? boolean  Build images before starting (`--build`).

---@class (exact) docker.Result
---@field changed boolean  Whether anything was created, started, stopped or removed.
---@field name string  The container, network or compose project acted on.

---@class (exact) docker.ContainerResult
---@field changed boolean  Whether the container was created or (re)started.
---@field name string  The container's name.
---@field id string  The container's id.

---@class (exact) docker.ImageResult
---@field changed boolean  Whether a new image was pulled or built.
---@field image string  The image reference.
---@field id string  The image id (`sha256:...`).

---Runs a container; one with the same name, image and settings that is already running is left alone.
---@param image string  Image reference, e.g. `"nginx:latest"`.
---@param options? docker.RunOptions
---@return docker.ContainerResult
---@effect write
---@plan "run container {image}"
function docker.container_run(image, options) end

---Stops a running container; a stopped one is left alone, a missing one raises.
---@param name string  Container name or id.
---@return docker.Result
---@effect write
---@plan "stop container {name}"
function docker.container_stop(name) end

---Removes a container; a missing one is left alone.
---@param name string  Container name or id.
---@param options? docker.RemoveOptions
---@return docker.Result
---@effect write
---@plan "remove container {name}"
function docker.container_remove(name, options) end

---Pulls an image from its registry; `changed` is false when the local image was already current.
---@param image string  Image reference, e.g. `"myregistry.com/myapp:v1.2.3"`.
---@param options? docker.PullOptions
---@return docker.ImageResult
---@effect write
---@plan "pull image {image}"
function docker.image_pull(image, options) end

---Builds an image from a build context directory.
---@param context string  The build context directory, e.g. `"."`.
---@param options? docker.BuildOptions
---@return docker.ImageResult
---@effect write
---@plan "build image from {context}"
function docker.image_build(context, options) end

---Creates a network; an existing network of that name is left alone.
---@param name string  Network name.
---@param options? docker.NetworkOptions
---@return docker.Result
---@effect write
---@plan "create network {name}"
function docker.network_create(name, options) end

---Creates and starts the services of a compose file (`docker compose up`).
---@param file string  The compose file, e.g. `"docker-compose.yml"`.
---@param options? docker.ComposeOptions
---@return docker.Result
---@effect write
---@plan "compose up {file}"
function docker.compose_up(file, options) end
