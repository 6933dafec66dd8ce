// The one course this module ships. Its lessons and quizzes live in content/.
export const COURSE_SLUG = "intro-legal-careers";
export const COURSE_TITLE = "Introduction to Legal Careers";
export const COURSE_DESCRIPTION =
  "What paralegals and legal assistants do, how the two roles differ, the skills each needs, the ethics that set the limits of the role, the career outlook, and the path into the field through education and an internship.";
