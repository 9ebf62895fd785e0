"""The mail server's own ceiling: N messages like shido's (Japanese subject, UTF-8 body) sent
over one connection by Python's smtplib. Prints messages/s. Usage: smtp_baseline.py PORT N"""
import smtplib
import sys
import time
from email.message import EmailMessage

port, count = int(sys.argv[1]), int(sys.argv[2])
client = smtplib.SMTP("127.0.0.1", port)
start = time.monotonic()
for i in range(count):
    m = EmailMessage()
    m["Subject"] = "明日の指導：ベンチマーク株式会社 第1回"
    m["From"] = "shido@example.jp"
    m["To"] = f"baseline{i}@example.jp"
    m["Message-ID"] = f"<baseline{i}@shido.local>"
    m.set_content("明日、ベンチマーク株式会社の指導が予定されています。\n日時：2026年12月2日（水） 10:00〜12:00")
    client.send_message(m)
client.quit()
print(f"{count / (time.monotonic() - start):.0f}")
