"""The units the benchmark adds so that 60 units contribute, as the issue asks.

Real organisations of Sóc Trăng province that the 2019 plan does not list by name; their slugs
start with "bench-" and their short names with "[bench]" so nobody mistakes them for plan data.
They only ever exist in the benchmark database.
"""

# (name, kind, bloc slug)
BENCH_UNITS = [
    ("Công an tỉnh Sóc Trăng", "central_agency", "khoi-noi-chinh-tong-hop"),
    ("Bộ Chỉ huy Quân sự tỉnh Sóc Trăng", "central_agency", "khoi-noi-chinh-tong-hop"),
    ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh Sóc Trăng", "central_agency", "khoi-noi-chinh-tong-hop"),
    ("Kho bạc Nhà nước Sóc Trăng", "central_agency", "khoi-kinh-te-ky-thuat"),
    ("Cục Thuế tỉnh Sóc Trăng", "central_agency", "khoi-kinh-te-ky-thuat"),
    ("Bảo hiểm xã hội tỉnh Sóc Trăng", "central_agency", "khoi-van-hoa-xa-hoi"),
    ("Ngân hàng Nhà nước chi nhánh tỉnh Sóc Trăng", "central_agency", "khoi-kinh-te-ky-thuat"),
    ("Cục Thống kê tỉnh Sóc Trăng", "central_agency", "khoi-kinh-te-ky-thuat"),
    ("Tòa án nhân dân tỉnh Sóc Trăng", "central_agency", "khoi-noi-chinh-tong-hop"),
    ("Viện Kiểm sát nhân dân tỉnh Sóc Trăng", "central_agency", "khoi-noi-chinh-tong-hop"),
    ("Ban Quản lý các Khu công nghiệp tỉnh", "department", "khoi-kinh-te-ky-thuat"),
    ("Bệnh viện Đa khoa tỉnh Sóc Trăng", "public_service", "khoi-van-hoa-xa-hoi"),
    ("Bệnh viện Chuyên khoa Sản - Nhi tỉnh Sóc Trăng", "public_service", "khoi-van-hoa-xa-hoi"),
    ("Trung tâm Kiểm soát bệnh tật tỉnh", "public_service", "khoi-van-hoa-xa-hoi"),
    ("Trường Chính trị tỉnh Sóc Trăng", "public_service", "khoi-van-hoa-xa-hoi"),
    ("Trường Cao đẳng Cộng đồng Sóc Trăng", "public_service", "khoi-van-hoa-xa-hoi"),
    ("Trung tâm Khuyến nông tỉnh", "public_service", "khoi-kinh-te-ky-thuat"),
    ("Hội Chữ thập đỏ tỉnh", "mass_organisation", "khoi-mat-tran-doan-the"),
    ("Liên minh Hợp tác xã tỉnh", "mass_organisation", "khoi-mat-tran-doan-the"),
    ("Hội Khuyến học tỉnh", "mass_organisation", "khoi-mat-tran-doan-the"),
    ("Hội Người cao tuổi tỉnh", "mass_organisation", "khoi-mat-tran-doan-the"),
    ("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", "mass_organisation", "khoi-mat-tran-doan-the"),
    ("Hội Văn học Nghệ thuật tỉnh", "mass_organisation", "khoi-mat-tran-doan-the"),
    ("Công ty Điện lực Sóc Trăng", "enterprise", "khoi-kinh-te-ky-thuat"),
    ("Công ty Cổ phần Cấp nước Sóc Trăng", "enterprise", "khoi-kinh-te-ky-thuat"),
    ("Công ty TNHH MTV Xổ số kiến thiết Sóc Trăng", "enterprise", "khoi-kinh-te-ky-thuat"),
    ("Công ty Cổ phần Công trình đô thị Sóc Trăng", "enterprise", "khoi-kinh-te-ky-thuat"),
    ("Viễn thông Sóc Trăng", "enterprise", "khoi-kinh-te-ky-thuat"),
    ("Bưu điện tỉnh Sóc Trăng", "enterprise", "khoi-kinh-te-ky-thuat"),
]
