from ninja import Router

router = Router(tags=["Đọc văn bản nghị quyết"])
