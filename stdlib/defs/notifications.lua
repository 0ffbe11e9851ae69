---@meta notifications
---Notifications to chat services (HTTPS, libcurl built into sloth) and by email (SMTP with STARTTLS).
---A refused or failed delivery raises an error naming the service and its HTTP status or SMTP reply;
---webhook URLs, tokens and passwords never appear in plans, logs or error text.
notifications = {}

---@class (exact) notifications.SlackOptions
---@field channel? string  Channel override, e.g. `"#deployments"` (legacy webhooks only).
---@field username? string  Sender name override.
---@field icon_emoji? string  Sender icon, e.g. `":sloth:"`.

---@class (exact) notifications.EmailOptions
---@secret
---@field smtp_pass? string  SMTP password.
---@field from string  Sender address.
---@field to string|string[]  Recipient address or addresses.
---@field subject string  Subject line.
---@field body string  Plain-text body.
---@field smtp_host string  SMTP server host.
---@field smtp_port? integer  SMTP port (default 587, STARTTLS).
---@field smtp_user? string  SMTP user name; no authentication when omitted.

---Posts a message to a Slack incoming webhook.
---@param message string  Message text (Slack markdown).
---@param options? notifications.SlackOptions
---@param webhook string  The webhook URL (it is a credential).
---@secret
---@effect net
---@plan "send Slack message {message}"
function notifications.slack(webhook, message, options) end

---Sends an email through an SMTP server.
---@param options notifications.EmailOptions
---@effect net
---@plan "send email {options}"
function notifications.email(options) end

---Posts a message to a Discord webhook.
---@param message string  Message text (Discord markdown).
---@param webhook string  The webhook URL (it is a credential).
---@secret
---@effect net
---@plan "send Discord message {message}"
function notifications.discord(webhook, message) end

---Sends a message to a Telegram chat through the Bot API.
---@param chat_id string|integer  Chat id or `@channelname`.
---@param message string  Message text.
---@param token string  The bot token, e.g. `"bot123456:ABC-DEF"`.
---@secret
---@effect net
---@plan "send Telegram message to {chat_id}"
function notifications.telegram(token, chat_id, message) end
