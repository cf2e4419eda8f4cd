<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Wise Agent - Contact Summary</title>
</head>
<body>
<!-- Written for Estait tests from what Wise Agent's contact summary shows: the id is in the address. -->
<nav class="top-nav"><a href="/secure/dashboard.asp">Dashboard</a> <a href="mailto:support@thewiseagent.com">Help</a></nav>
<div id="content">
  <h1 class="client-name">Dana Whitfield</h1>
  <div class="contact-info">
    <p>Email: <a href="mailto:dana.whitfield@example.com">dana.whitfield@example.com</a></p>
    <p>Mobile: <a href="tel:+15125550177">(512) 555-0177</a></p>
    <p>Status: Hot · Source: Zillow</p>
  </div>
</div>
</body>
</html>
