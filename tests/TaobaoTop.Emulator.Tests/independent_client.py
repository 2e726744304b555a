"""A TOP client written from the protocol notes alone, to check the emulator against an implementation that
shares no code with it. Usage: independent_client.py BASE_URL APP_KEY SECRET SESSION md5|hmac|hmac-sha256|tampered
Prints the gateway's answer body."""
import hashlib
import hmac
import sys
import urllib.parse
import urllib.request
from datetime import datetime, timedelta, timezone


def sign(params, secret, sign_method):
    text = "".join(k + v for k, v in sorted(params.items()) if v)
    if sign_method == "md5":
        return hashlib.md5((secret + text + secret).encode("utf-8")).hexdigest().upper()
    digest = hashlib.sha256 if sign_method == "hmac-sha256" else hashlib.md5
    return hmac.new(secret.encode("utf-8"), text.encode("utf-8"), digest).hexdigest().upper()


def main():
    base_url, app_key, secret, session, mode = sys.argv[1:6]
    sign_method = "md5" if mode == "tampered" else mode
    system = {
        "method": "taobao.items.onsale.get",
        "app_key": app_key,
        "session": session,
        "timestamp": datetime.now(timezone(timedelta(hours=8))).strftime("%Y-%m-%d %H:%M:%S"),
        "v": "2.0",
        "sign_method": sign_method,
        "format": "json",
    }
    business = {"fields": "num_iid,title,price", "q": "T恤", "page_size": "5"}
    system["sign"] = sign({**system, **business}, secret, sign_method)
    if mode == "tampered":
        business["page_size"] = "6"
    request = urllib.request.Request(
        base_url.rstrip("/") + "/router/rest?" + urllib.parse.urlencode(system),
        data=urllib.parse.urlencode(business).encode("utf-8"),
        headers={"Content-Type": "application/x-www-form-urlencoded;charset=utf-8"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        sys.stdout.write(response.read().decode("utf-8"))


if __name__ == "__main__":
    main()
